import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id (a const enum the isolated-modules build cannot import).
const ARGON2ID = 2;

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;
/** A real hash to verify against when the email is unknown, so both paths cost the same. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("decoy-password-never-used");
  return decoy;
}
