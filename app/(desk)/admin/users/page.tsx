import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { FormattedDate } from "@/components/dates";
import { SectionCard } from "@/components/section-card";
import { listUsers } from "@/domains/users/data";
import { ROLE_LABELS } from "@/domains/users/roles";
import { mayManageUsers } from "@/domains/users/rules";
import { requireUser } from "@/domains/users/session";
import { CreateUserForm } from "./create-user-form";
import { SetPasswordForm } from "./set-password-form";
import { UserRowActions } from "./user-row-actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const viewer = await requireUser("/admin/users");
  if (!mayManageUsers(viewer, "manage users").allowed) forbidden();
  const users = await listUsers();
  const activeCount = users.filter((user) => user.active).length;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <p className="text-sm text-slate-700">
        {users.length} {users.length === 1 ? "account" : "accounts"}, {activeCount} active. A deactivated user is signed
        out at once and cannot sign in until reactivated; their claims stay assigned to them. Setting a user&apos;s
        password signs them out everywhere.
      </p>

      <SectionCard title="Create user">
        <CreateUserForm />
      </SectionCard>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">All users</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">
                Name
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Email
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Role
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Status
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                Assigned claims
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Change role or access
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Password
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {users.map((user) => (
              <tr key={user.id} className={user.active ? undefined : "bg-slate-50 text-slate-600"}>
                <th scope="row" className="px-4 py-3 font-medium">
                  {user.name}
                  <span className="block text-xs font-normal text-slate-600">
                    Since <FormattedDate date={user.createdAt} />
                  </span>
                </th>
                <td className="px-4 py-3">{user.email}</td>
                <td className="px-4 py-3">{ROLE_LABELS[user.role]}</td>
                <td className="px-4 py-3">{user.active ? "Active" : "Deactivated"}</td>
                <td className="px-4 py-3 text-right tabular-nums">{user.assignedClaimCount}</td>
                <td className="px-4 py-3">
                  {user.id === viewer.id ? (
                    <p className="text-xs text-slate-600">
                      Your own account: another admin can change its role or deactivate it.
                    </p>
                  ) : (
                    <UserRowActions user={{ id: user.id, name: user.name, role: user.role, active: user.active }} />
                  )}
                </td>
                <td className="px-4 py-3">
                  <SetPasswordForm user={{ id: user.id, name: user.name }} isViewer={user.id === viewer.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
