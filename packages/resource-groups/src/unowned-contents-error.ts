/** A group about to be deleted still holds resources this environment does not own: deleting it would take them too. */
export class UnownedContentsError extends Error {
  readonly groupId: string;
  readonly unownedIds: readonly string[];

  constructor(groupId: string, environment: string, unownedIds: readonly string[]) {
    const listed = unownedIds.map((id) => `  - ${id}`).join("\n");
    super(
      `refusing to delete ${groupId}: it holds ${unownedIds.length} resource(s) not owned by environment "${environment}"; ` +
        `move or delete them yourself, or keep the group in the configuration\n${listed}`,
    );
    this.name = "UnownedContentsError";
    this.groupId = groupId;
    this.unownedIds = unownedIds;
  }
}
