"use client";

import { useActionState } from "react";
import { FieldError, FormAlert, INPUT, LABEL, SubmitButton } from "@/components/forms";
import { IDLE_STATE } from "@/components/forms";
import { signIn } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState(signIn, IDLE_STATE);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} key={state.status === "error" ? state.at : "initial"} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="email" className={LABEL}>
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={values?.email} className={INPUT} aria-describedby="email-error" />
        <FieldError id="email-error" state={state} name="email" />
      </div>
      <div>
        <label htmlFor="password" className={LABEL}>
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={INPUT} aria-describedby="password-error" />
        <FieldError id="password-error" state={state} name="password" />
      </div>
      <SubmitButton>Sign in</SubmitButton>
    </form>
  );
}
