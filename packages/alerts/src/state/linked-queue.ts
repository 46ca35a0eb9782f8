/** A node that links itself into a `LinkedQueue`: no wrapper object per element. */
export interface Linked<T> {
  older: T | undefined;
  newer: T | undefined;
}

/**
 * Nodes oldest first, in a doubly linked list threaded through the nodes themselves: appending,
 * and taking any node out (the oldest, or one used again), are O(1) and allocate nothing.
 */
export class LinkedQueue<T extends Linked<T>> {
  oldest: T | undefined;
  newest: T | undefined;

  /** Links `node`, which is in no queue, at the newest end. */
  append(node: T): void {
    node.older = this.newest;
    node.newer = undefined;
    if (this.newest) this.newest.newer = node;
    else this.oldest = node;
    this.newest = node;
  }

  unlink(node: T): void {
    if (node.older) node.older.newer = node.newer;
    else this.oldest = node.newer;
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    node.older = undefined;
    node.newer = undefined;
  }

  clear(): void {
    this.oldest = undefined;
    this.newest = undefined;
  }
}
