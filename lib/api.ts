import type { FieldErrors } from "@/lib/validation";

export function jsonError(status: number, error: string, fields?: FieldErrors): Response {
  return Response.json(fields ? { error, fields } : { error }, { status });
}

const DATABASE_UNAVAILABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|terminating connection/i;

/**
 * Route handlers run inside this: a database outage answers 503 quickly instead of a bare
 * 500, and an unexpected failure still answers JSON, logged with its stack on the server.
 */
export function handleErrors<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      const message = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : "";
      if (DATABASE_UNAVAILABLE.test(message)) {
        return jsonError(503, "The database is unavailable. Try again in a few seconds.");
      }
      console.error(error);
      return jsonError(500, "Internal error.");
    }
  };
}
