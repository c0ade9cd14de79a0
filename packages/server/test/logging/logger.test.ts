import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger, withLogScope, type LogFields } from '../../src/logger.ts';

/** A logger writing to an array, at a fixed time. */
function capture() {
  const lines: string[] = [];
  const logger = createLogger({ write: (line) => lines.push(line), clock: () => new Date('2025-01-02T03:04:05Z') });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('log records', () => {
  it('start with time, level and event, then the fields', () => {
    const { logger, lines } = capture();
    logger.warn('code_failed', { flow: 'f1', attempts: 2 });
    assert.equal(
      lines[0],
      '{"time":"2025-01-02T03:04:05.000Z","level":"warn","event":"code_failed","flow":"f1","attempts":2}',
    );
  });

  it('a field cannot overwrite time, level or event: it is written as field_<name>', () => {
    const { logger, records } = capture();
    // The type refuses these keys; a caller that gets round it (a spread, a cast) must still not win.
    const fields = { level: 'EH3', event: 'other', time: 'yesterday', kept: true } as unknown as LogFields;
    logger.info('eherkenning_verified', fields);
    assert.deepEqual(records()[0], {
      time: '2025-01-02T03:04:05.000Z',
      level: 'info',
      event: 'eherkenning_verified',
      field_level: 'EH3',
      field_event: 'other',
      field_time: 'yesterday',
      kept: true,
    });
  });

  it('a field named __proto__ is an ordinary field', () => {
    const { logger, records } = capture();
    logger.error('request_failed', JSON.parse('{"__proto__":"x","path":"/a"}') as LogFields);
    const [record] = records();
    assert.equal(record!.level, 'error');
    assert.equal(record!.path, '/a');
    assert.equal(Object.getOwnPropertyDescriptor(record, '__proto__')?.value, 'x');
  });

  it('inside a scope every record carries its fields; a timer that outlives the scope logs without them', async () => {
    const { logger, records } = capture();
    let later: Promise<void> | undefined;
    await withLogScope({ requestId: 'r-1' }, async () => {
      logger.info('inside', { requestId: 'not-this-one' });
      await sleep(1);
      logger.info('after_await');
      // Like the outbox worker woken by a request: its next passes are not that request's.
      later = sleep(20).then(() => logger.info('later'));
    });
    logger.info('outside');
    await later;
    assert.deepEqual(
      records().map((record) => [record.event, record.requestId, record.field_requestId]),
      [
        ['inside', 'r-1', 'not-this-one'],
        ['after_await', 'r-1', undefined],
        ['outside', undefined, undefined],
        ['later', undefined, undefined],
      ],
    );
  });
});
