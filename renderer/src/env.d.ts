import type { ContractBridge } from '../../shared/contract/bridge.ts';

declare global {
  interface Window {
    /** Exposed by the desktop preload; absent in the browser preview. */
    cyberCounter?: ContractBridge;
  }
}

export {};
