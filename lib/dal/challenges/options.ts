import "server-only";
import { challengeKindEnum, metricEnum, platformEnum } from "@/db/schema";

// The values a challenge form offers, read from the schema's enums so a new metric or platform
// appears in the form with its migration, and the form never imports the schema itself.
export const CHALLENGE_KINDS = challengeKindEnum.enumValues;
export const PLATFORMS = platformEnum.enumValues;
export const METRICS = metricEnum.enumValues;
