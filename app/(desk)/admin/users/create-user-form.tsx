"use client";

import { useActionState } from "react";
import { Field, FormAlert, IDLE_STATE, SubmitButton } from "@/components/forms";
import { createUserFromForm } from "@/domains/users/actions";
import { ROLE_LABELS, ROLES } from "@/domains/users/roles";
import { MIN_PASSWORD_LENGTH } from "@/domains/users/limits";

export function CreateUserForm() {
  const [state, action] = useActionState(createUserFromForm, IDLE_STATE);
  const values = state.status === "error" ? state.values : undefined;
  return (
    // Rebuilt after every submit: empty after a success, what was typed (but never the password) after an error.
    <form key={state.status === "idle" ? "new" : state.at} action={action} className="mt-3 space-y-4" noValidate>
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="new-user-name" name="name" label="Name" state={state}>
          {(control) => <input {...control} type="text" autoComplete="off" required defaultValue={values?.name} />}
        </Field>
        <Field id="new-user-email" name="email" label="Email" state={state}>
          {(control) => <input {...control} type="email" autoComplete="off" required defaultValue={values?.email} />}
        </Field>
        <Field id="new-user-role" name="role" label="Role" state={state}>
          {(control) => (
            <select {...control} defaultValue={values?.role ?? "reviewer"}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="new-user-password"
          name="password"
          label="Password"
          state={state}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Pass it on to the person privately.`}
        >
          {(control) => (
            <input {...control} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} />
          )}
        </Field>
      </div>
      <SubmitButton>Create user</SubmitButton>
    </form>
  );
}
