import { NotFoundMessage } from "@/components/not-found-message";

export default function NotFound() {
  return <NotFoundMessage title="Page not found">There is no page at this address.</NotFoundMessage>;
}
