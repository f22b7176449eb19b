import { it } from 'vitest';
import '../../does/not/exist';

it('never collected', () => {});
