// The element's one self-started job (create the flow and restore it) without @lit/task: it runs on the first
// update, again only when its arguments change, aborts the run it replaces and ignores that run's answer, so a
// changed `api-base` never shows the old API's state; a failed run can be retried.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Bootstrap, BootstrapStatus } from '../src/controllers/bootstrap.js';

class JobHost extends LitElement {
  static override properties = { source: {} };
  source = 'a';
  readonly runs: { args: readonly string[]; signal: AbortSignal; settle: (value: string | Error) => void }[] = [];
  readonly job = new Bootstrap<[string], string>(
    this,
    (args, { signal }) =>
      new Promise((resolve, reject) =>
        this.runs.push({ args, signal, settle: (v) => (v instanceof Error ? reject(v) : resolve(v)) }),
      ),
    () => [this.source],
  );
  override render() {
    return this.job.render({
      pending: () => 'loading',
      complete: (value) => `done ${value}`,
      error: () => 'failed',
    });
  }
}
customElements.define('wt-test-bootstrap-host', JobHost);

describe('Bootstrap', () => {
  it('runs once on the first update and renders pending, then the value', async () => {
    const el = await fixture<JobHost>(html`<wt-test-bootstrap-host></wt-test-bootstrap-host>`);
    expect(el.runs.map((run) => run.args)).to.deep.equal([['a']]);
    expect(el.shadowRoot!.textContent).to.equal('loading');
    el.requestUpdate();
    await el.updateComplete;
    expect(el.runs).to.have.length(1, 'same arguments: no second run');
    el.runs[0]!.settle('A');
    await waitUntil(() => el.job.status === BootstrapStatus.COMPLETE);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('done A');
    expect(el.job.value).to.equal('A');
  });

  it('aborts the run it replaces and ignores its late answer', async () => {
    const el = await fixture<JobHost>(html`<wt-test-bootstrap-host></wt-test-bootstrap-host>`);
    el.source = 'b';
    await el.updateComplete;
    expect(el.runs.map((run) => run.args)).to.deep.equal([['a'], ['b']]);
    expect(el.runs[0]!.signal.aborted).to.equal(true);
    el.runs[1]!.settle('B');
    await waitUntil(() => el.job.status === BootstrapStatus.COMPLETE);
    el.runs[0]!.settle('A, too late');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('done B');
  });

  it('shows a failure and runs again on demand', async () => {
    const el = await fixture<JobHost>(html`<wt-test-bootstrap-host></wt-test-bootstrap-host>`);
    el.runs[0]!.settle(new Error('offline'));
    await waitUntil(() => el.job.status === BootstrapStatus.ERROR);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('failed');
    expect(String(el.job.error)).to.contain('offline');
    void el.job.run();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('loading');
    el.runs[1]!.settle('again');
    await waitUntil(() => el.job.status === BootstrapStatus.COMPLETE);
  });
});
