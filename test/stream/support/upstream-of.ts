/** An upstream body of these parts, one per read; an Error part fails that read. */
export function upstreamOf(
  parts: Array<string | Error>,
  onCancel?: (reason: unknown) => void,
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts[i++];
      if (part === undefined) controller.close();
      else if (part instanceof Error) controller.error(part);
      else controller.enqueue(enc.encode(part));
    },
    cancel(reason) {
      onCancel?.(reason);
    },
  });
}
