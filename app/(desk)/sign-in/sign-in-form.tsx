"use client";

import { useActionState } from "react";
import { Field, FormAlert, IDLE_STATE, SubmitButton } from "@/components/forms";
import { signIn } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState(signIn, IDLE_STATE);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} key={state.status === "error" ? state.at : "initial"} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next} />
      <Field id="email" name="email" label="Email" state={state}>
        {(control) => <input {...control} type="email" autoComplete="username" required defaultValue={values?.email} />}
      </Field>
      <Field id="password" name="password" label="Password" state={state}>
        {(control) => <input {...control} type="password" autoComplete="current-password" required />}
      </Field>
      <SubmitButton>Sign in</SubmitButton>
    </form>
  );
}
