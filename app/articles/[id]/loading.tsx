import { BlockSkeleton } from "@/components/skeletons";

export default function Loading() {
  return <BlockSkeleton label="Loading article" lines={8} />;
}
