/** Shown when a page left some changed months to the minute job (see refreshForPage). */
export function UpdatingNote({ updating }: { updating: boolean }) {
  if (!updating) return null;
  return (
    <p className="notice" role="status">
      The latest changes are still being counted. These figures will include them within a minute: reload the page to see them.
    </p>
  );
}
