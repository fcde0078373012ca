// The single-calculator page: its second calculator shows the contract-v2 example (demo/v2-example.js).
import { V2_EXAMPLE } from './v2-example.js';

document.getElementById('v2-calculator').request = structuredClone(V2_EXAMPLE);
