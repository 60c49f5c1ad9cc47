import type { FieldErrors } from "@/lib/validation";

export type DomainErrorKind = "invalid" | "unauthenticated" | "forbidden" | "not_found" | "conflict";

export const HTTP_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/**
 * A refusal the user can act on. Domain functions throw it; the API turns it into a JSON error with
 * its status code, server actions into a message on the form. `details` travels with it (for a
 * conflict: the claim as it is now and who changed it).
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fields?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
