import { test, expect } from 'vitest';
test('node works', () => { expect(1 + 1).toBe(2); });
