import { BlockSkeleton } from "@/components/skeletons";

export default function Loading() {
  return <BlockSkeleton label="Loading claim" lines={6} />;
}
