import { BlockSkeleton } from "@/components/skeletons";

export default function Loading() {
  return (
    <div className="space-y-3">
      <BlockSkeleton label="Loading claims" lines={2} />
      <BlockSkeleton label="Loading claims" />
      <BlockSkeleton label="Loading claims" />
    </div>
  );
}
