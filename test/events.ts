// Activity events for tests, posted through the signed route handler.
import { POST } from "@/app/api/events/route";
import { postSigned } from "./signed-request";

let seq = 0;
export const evtId = () => `evt_t_${Date.now().toString(36)}_${process.pid}_${seq++}`;

export const event = (creator: string, amount: number, occurredAt = new Date(Date.now() - 60_000), metric = "stars_received") => ({
  id: evtId(),
  creator,
  metric,
  amount,
  occurredAt: occurredAt.toISOString(),
});

export const postEvents = (body: unknown, options = {}) => postSigned(POST, "/api/events", body, options);
