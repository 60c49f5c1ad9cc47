import { NotFoundMessage } from "@/components/not-found-message";

export default function Forbidden() {
  return (
    <NotFoundMessage title="Not allowed">
      Your role does not give access to this page. If it should, ask one of the desk&apos;s admins.
    </NotFoundMessage>
  );
}
