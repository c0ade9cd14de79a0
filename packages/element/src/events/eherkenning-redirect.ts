/** What {@link WtEherkenningRedirectEvent} carries. */
export interface WtEherkenningRedirectEventDetail {
  /** The supplier the person chose. */
  readonly supplierId: string;
  /** Where the browser is about to go: the eHerkenning broker. */
  readonly redirectUrl: string;
}

/**
 * The browser is about to leave for eHerkenning. Cancelable: call `preventDefault()` to stop the element's
 * navigation and send the browser to `detail.redirectUrl` yourself (in a single-page app, say).
 */
export class WtEherkenningRedirectEvent extends Event {
  readonly detail: WtEherkenningRedirectEventDetail;

  constructor(detail: WtEherkenningRedirectEventDetail) {
    super('wt-eherkenning-redirect', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wt-eherkenning-redirect': WtEherkenningRedirectEvent;
  }
}
