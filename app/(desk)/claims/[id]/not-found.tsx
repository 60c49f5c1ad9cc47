import { NotFoundMessage } from "@/components/not-found-message";

export default function ClaimNotFound() {
  return (
    <NotFoundMessage title="Claim not found">
      No claim has this number. It may have been mistyped; the claims list shows every claim.
    </NotFoundMessage>
  );
}
