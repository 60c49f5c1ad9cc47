"use client";

import { useActionState } from "react";
import { FieldError, fieldErrors, FormAlert, IDLE_STATE, INPUT, LABEL, SubmitButton } from "@/components/forms";
import { createUserFromForm } from "@/domains/users/actions";
import { ROLE_LABELS, ROLES } from "@/domains/users/roles";
import { MIN_PASSWORD_LENGTH } from "@/domains/users/limits";

export function CreateUserForm() {
  const [state, action] = useActionState(createUserFromForm, IDLE_STATE);
  const values = state.status === "error" ? state.values : undefined;
  const invalid = (name: string) => (fieldErrors(state, name) ? true : undefined);
  return (
    // Rebuilt after every submit: empty after a success, what was typed (but never the password) after an error.
    <form key={state.status === "idle" ? "new" : state.at} action={action} className="mt-3 space-y-4" noValidate>
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="new-user-name" className={LABEL}>
            Name
          </label>
          <input
            id="new-user-name"
            name="name"
            type="text"
            autoComplete="off"
            required
            defaultValue={values?.name}
            aria-invalid={invalid("name")}
            aria-describedby="new-user-name-error"
            className={INPUT}
          />
          <FieldError id="new-user-name-error" state={state} name="name" />
        </div>
        <div>
          <label htmlFor="new-user-email" className={LABEL}>
            Email
          </label>
          <input
            id="new-user-email"
            name="email"
            type="email"
            autoComplete="off"
            required
            defaultValue={values?.email}
            aria-invalid={invalid("email")}
            aria-describedby="new-user-email-error"
            className={INPUT}
          />
          <FieldError id="new-user-email-error" state={state} name="email" />
        </div>
        <div>
          <label htmlFor="new-user-role" className={LABEL}>
            Role
          </label>
          <select
            id="new-user-role"
            name="role"
            defaultValue={values?.role ?? "reviewer"}
            aria-invalid={invalid("role")}
            aria-describedby="new-user-role-error"
            className={INPUT}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <FieldError id="new-user-role-error" state={state} name="role" />
        </div>
        <div>
          <label htmlFor="new-user-password" className={LABEL}>
            Password
          </label>
          <input
            id="new-user-password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            aria-invalid={invalid("password")}
            aria-describedby="new-user-password-hint new-user-password-error"
            className={INPUT}
          />
          <p id="new-user-password-hint" className="mt-1 text-xs text-slate-600">
            At least {MIN_PASSWORD_LENGTH} characters. Pass it on to the person privately.
          </p>
          <FieldError id="new-user-password-error" state={state} name="password" />
        </div>
      </div>
      <SubmitButton>Create user</SubmitButton>
    </form>
  );
}
