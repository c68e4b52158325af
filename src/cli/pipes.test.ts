import { EventEmitter } from 'node:events';
import { quietOnClosedPipe } from './pipes';

describe('the command when its reader stops early (`action-plan check plan.xlsx | head`)', () => {
  test('a closed pipe stops it quietly; another stream error is still thrown', () => {
    const stdout = new EventEmitter();
    const stops: string[] = [];
    quietOnClosedPipe([stdout], () => void stops.push('stopped'));
    stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(stops).toEqual(['stopped']);
    expect(() => stdout.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
  });
});
