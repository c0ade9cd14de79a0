/**
 * The one way this package registers a tag, shared by `define.ts` and `define-organisation-members.ts` without
 * either pulling in the other's element: a module with no side effect of its own.
 */

const warned = new Set<string>();

/**
 * Defines `tag` as `constructor` unless it is already defined: by the same class (silently) or by another
 * (one console warning, never an exception, as Shoelace does). Returns the class that is registered under the tag.
 */
export function defineOnce(tag: string, constructor: CustomElementConstructor): CustomElementConstructor {
  const registered = customElements.get(tag);
  if (!registered) {
    customElements.define(tag, constructor);
    return constructor;
  }
  if (registered !== constructor && !warned.has(tag)) {
    warned.add(tag);
    console.warn(
      `<${tag}> is already defined by another copy of @wij-techniek/onboarding-element; this copy is not used. ` +
        'Load the element once per page.',
    );
  }
  return registered;
}
