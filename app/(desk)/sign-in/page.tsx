import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/domains/users/auth-schema";
import { getCurrentUser } from "@/domains/users/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : undefined);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <div className="mx-auto max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">Sign in</h1>
      <SignInForm next={returnTo} />
      <p className="text-xs text-slate-600">Accounts are created by the desk&apos;s admins.</p>
    </div>
  );
}
