"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { FormAlert, IDLE_STATE, SubmitButton } from "@/components/forms";
import { changeRoleFromForm, setActiveFromForm } from "@/domains/users/actions";
import { ROLE_LABELS, ROLES } from "@/domains/users/roles";
import type { ActionState } from "@/lib/action-state";
import type { Role } from "@/lib/generated/prisma/enums";

const SMALL_SELECT = "rounded-md border border-slate-400 bg-white px-2 py-2 text-sm text-slate-900 shadow-sm";

function submittedAt(state: ActionState): number {
  return state.status === "idle" ? 0 : state.at;
}

export function UserRowActions({ user }: { user: { id: string; name: string; role: Role; active: boolean } }) {
  const [roleState, changeRole] = useActionState(changeRoleFromForm, IDLE_STATE);
  const [activeState, setActive] = useActionState(setActiveFromForm, IDLE_STATE);
  const latest = submittedAt(activeState) > submittedAt(roleState) ? activeState : roleState;
  const roleSelectId = `role-${user.id}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {/* Remounted when the stored role changes: a form reset would otherwise bring back the role it first rendered. */}
        <form key={user.role} action={changeRole} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={roleSelectId} className="sr-only">
            Role for {user.name}
          </label>
          <select id={roleSelectId} name="role" defaultValue={user.role} className={SMALL_SELECT}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <SubmitButton variant="secondary">
            Change role<span className="sr-only"> for {user.name}</span>
          </SubmitButton>
        </form>
        <form action={setActive}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          {user.active ? (
            <ConfirmButton
              title={`Deactivate ${user.name}?`}
              description={`${user.name} is signed out everywhere and can no longer sign in. Their claims, verdicts and history stay; you can reactivate them later.`}
              confirmLabel="Deactivate"
            >
              Deactivate<span className="sr-only"> {user.name}</span>
            </ConfirmButton>
          ) : (
            <SubmitButton variant="secondary">
              Reactivate<span className="sr-only"> {user.name}</span>
            </SubmitButton>
          )}
        </form>
      </div>
      <FormAlert state={latest} />
    </div>
  );
}
