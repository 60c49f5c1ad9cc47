import { BlockSkeleton } from "@/components/skeletons";

// Lives in the (list) group so it does not wrap /claims/[id]: a skeleton there would start the
// response before notFound() runs, and an unknown id would answer 200 instead of 404.
export default function Loading() {
  return (
    <div className="space-y-3">
      <BlockSkeleton label="Loading claims" lines={2} />
      <BlockSkeleton label="Loading claims" />
      <BlockSkeleton label="Loading claims" />
    </div>
  );
}
