import { auth } from "@/lib/auth";

// Better Auth's endpoints: POST /api/auth/sign-in/email { email, password } sets the session cookie.
export const GET = (request: Request) => auth().handler(request);
export const POST = (request: Request) => auth().handler(request);
