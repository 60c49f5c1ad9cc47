import { z } from "zod";
import * as apiDoc from "@/lib/api-description";
import { signInSchema } from "./auth-schema";
import { ROLES } from "./roles";

/** The name Better Auth gives the session cookie over plain HTTP (`__Secure-` is prefixed over HTTPS). */
export const SESSION_COOKIE = "better-auth.session_token";

/** Who did something, as every answer names a user: nothing but the id and the name. */
export const userRefSchema = z.strictObject({ id: z.string(), name: z.string() }).meta({ id: "UserRef" });

/** Better Auth answers its refusals in its own format, not lib/api.ts's. */
const authErrorSchema = z
  .strictObject({
    code: z.string().meta({ description: "For example INVALID_EMAIL_OR_PASSWORD, TOO_MANY_ATTEMPTS." }),
    message: z.string(),
  })
  .meta({ id: "AuthError", description: "Errors of the sign-in endpoints, in Better Auth's format." });

function authError(description: string) {
  return apiDoc.jsonResponse(authErrorSchema, description);
}

const signedInUserSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  image: z.string().nullable(),
  role: z.enum(ROLES),
  active: z.boolean(),
  createdAt: apiDoc.dateTime,
  updatedAt: apiDoc.dateTime,
});

const signInResultSchema = z
  .strictObject({
    redirect: z.boolean(),
    token: z.string().meta({ description: "The session token; clients use the cookie instead." }),
    url: z.string().optional(),
    user: signedInUserSchema,
  })
  .meta({ id: "SignInResult" });

const signOutResultSchema = z.strictObject({ success: z.boolean() }).meta({ id: "SignOutResult" });

const setCookie = (description: string) => z.object({ "Set-Cookie": z.string().meta({ description }) });

export const usersApi: apiDoc.ApiDescription = {
  tags: [{ name: "Auth", description: "Signing in and out (Better Auth)." }],
  operations: [
    {
      path: "/api/auth/sign-in/email",
      method: "post",
      operation: {
        operationId: "signIn",
        tags: ["Auth"],
        summary: "Sign in",
        description: [
          `Public. Sets the session cookie (\`${SESSION_COOKIE}\`, HttpOnly, SameSite=Lax) that every other operation needs; send it back with each request.`,
          "A failure says only that the email or password is wrong. After 5 failures for one email, or 20 from one address, within 15 minutes, further attempts are refused (429) for the rest of the window, even with the right password.",
        ].join("\n\n"),
        security: apiDoc.PUBLIC,
        requestBody: apiDoc.jsonBody(signInSchema.omit({ next: true })),
        responses: {
          "200": {
            ...apiDoc.jsonResponse(signInResultSchema, "Signed in."),
            headers: setCookie("The session cookie."),
          },
          "400": authError("Invalid body, or not an email address."),
          "401": authError("The email or password is wrong, or the account is deactivated."),
          "403": authError("Sent from a page of another site."),
          "429": {
            ...authError("Too many failed sign-ins for this email or from this address."),
            headers: z.object({
              "Retry-After": z.int().min(1).meta({ description: "Seconds until attempts are allowed again." }),
            }),
          },
        },
      },
    },
    {
      path: "/api/auth/sign-out",
      method: "post",
      operation: {
        operationId: "signOut",
        tags: ["Auth"],
        summary: "Sign out",
        description:
          "Ends the session the cookie names and clears the cookie. Without a session it has nothing to end and still answers 200.",
        security: [{ session: [] }, {}],
        responses: {
          "200": {
            ...apiDoc.jsonResponse(signOutResultSchema, "Signed out."),
            headers: setCookie("Clears the session cookie."),
          },
          "403": authError("Sent from a page of another site."),
        },
      },
    },
  ],
};
