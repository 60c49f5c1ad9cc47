import { handleErrors } from "@/lib/api";
import { auth } from "@/domains/users/auth";

// Better Auth's endpoints: POST /api/auth/sign-in/email { email, password } sets the session cookie.
export const GET = handleErrors((request: Request) => auth().handler(request));
export const POST = handleErrors((request: Request) => auth().handler(request));
