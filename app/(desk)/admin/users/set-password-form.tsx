"use client";

import { useActionState } from "react";
import { Field, FormAlert, IDLE_STATE, SubmitButton } from "@/components/forms";
import { setPasswordFromForm } from "@/domains/users/actions";
import { MIN_PASSWORD_LENGTH } from "@/domains/users/limits";

export function SetPasswordForm({ user, isViewer }: { user: { id: string; name: string }; isViewer: boolean }) {
  const [state, action] = useActionState(setPasswordFromForm, IDLE_STATE);
  const fieldId = `password-${user.id}`;
  return (
    // Rebuilt after every submit, so the field is empty again whatever the outcome.
    <form key={state.status === "idle" ? "new" : state.at} action={action} className="space-y-2" noValidate>
      <input type="hidden" name="userId" value={user.id} />
      <Field
        id={fieldId}
        name="password"
        label={
          <>
            New password<span className="sr-only"> for {user.name}</span>
          </>
        }
        state={state}
        hint={
          isViewer
            ? `At least ${MIN_PASSWORD_LENGTH} characters. Setting it signs you out everywhere, here too.`
            : `At least ${MIN_PASSWORD_LENGTH} characters. Signs them out everywhere.`
        }
      >
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} />
        )}
      </Field>
      <SubmitButton variant="secondary">
        Set password<span className="sr-only"> for {user.name}</span>
      </SubmitButton>
      <FormAlert state={state} />
    </form>
  );
}
