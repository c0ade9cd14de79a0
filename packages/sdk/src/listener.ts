// The few DOM shapes the SDK's public types name, declared here: the DOM library's `AddEventListenerOptions`,
// `EventListenerOrEventListenerObject`, `Storage` and `History` do not exist in a Node-only project
// (`lib: ["es2022"]`, `types: ["node"]`), and a typing that names them would not compile there. `Event`,
// `EventListenerOptions`, `AbortSignal` and `URL` are global in both the DOM library and @types/node.

/** A listener as `addEventListener` takes it in browsers and in Node: a function or an object with `handleEvent`. */
export type Listener = ((event: Event) => unknown) | { handleEvent(event: Event): unknown };

/** The options of `addEventListener`, as browsers and Node take them. */
export interface ListenerOptions extends EventListenerOptions {
  /** Removes the listener after its first call. */
  readonly once?: boolean | undefined;
  /** Promises not to call `preventDefault()`. */
  readonly passive?: boolean | undefined;
  /** Removes the listener when this signal aborts. */
  readonly signal?: AbortSignal | undefined;
}
