/**
 * A recording stand-in for the `electron` module, enough for the built main bundle to start and
 * be driven in plain Node (Electron's binary cannot run where we test). It does nothing on its
 * own: it records what the shell registers (handlers, windows, menus, schemes) so a test can call
 * those handlers the way Electron would and look at the answers.
 */
import { EventEmitter } from 'node:events';

/** An Electron-style event: listeners may call preventDefault(). */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export type WindowOpenHandler = (details: { url: string; frameName: string; features: string }) => {
  action: string;
};

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  url = '';
  windowOpenHandler: WindowOpenHandler | null = null;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.url;
  }

  /** Emits `name` as Electron does (event first) and says whether a listener prevented it. */
  dispatch(name: string, ...args: unknown[]): boolean {
    const event = fakeEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }

  printToPDF(): Promise<never> {
    return Promise.reject(new Error('no printing in the stand-in'));
  }

  print(_options: unknown, callback: (success: boolean, reason: string) => void): void {
    callback(false, 'no printing in the stand-in');
  }
}

export type PermissionRequestHandler = (
  contents: FakeWebContents,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
export type PermissionCheckHandler = (
  contents: FakeWebContents | null,
  permission: string,
  origin: string,
  details: Record<string, unknown>,
) => boolean;
export type BeforeRequestListener = (
  details: { url: string; method: string; resourceType: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  beforeRequest: BeforeRequestListener | null = null;
  readonly webRequest = {
    onBeforeRequest: (...args: unknown[]) => {
      // (listener) or (filter, listener)
      this.beforeRequest = args[args.length - 1] as BeforeRequestListener;
    },
  };

  constructor(readonly partition: string) {}

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
}

export type IpcHandler = (event: FakeIpcEvent, ...args: unknown[]) => unknown;

/** What ipcMain.handle's listener receives: who sent it, from which frame. */
export interface FakeIpcEvent {
  sender: FakeWebContents;
  senderFrame: { url: string } | null;
}

export interface ShellRecord {
  app: FakeApp;
  windows: FakeBrowserWindow[];
  ipcHandlers: Map<string, IpcHandler>;
  sessions: Map<string, FakeSession>;
  privilegedSchemes: unknown[];
  protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>;
  menu: unknown;
  errorBoxes: { title: string; content: string }[];
  messageBoxes: unknown[];
}

export class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  readonly calls: string[] = [];
  exitCode: number | null = null;
  isPackaged = false;
  private readyResolve: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  constructor(private readonly appPath: string) {
    super();
  }

  /** The test decides when Electron is "ready", to see what the shell does before and after. */
  becomeReady(): void {
    this.readyResolve();
  }

  whenReady(): Promise<void> {
    return this.ready;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/nonexistent/${name}`;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return '0.0.0-shell-test';
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return true;
  }
  quit(): void {
    this.calls.push('quit');
  }
  exit(code = 0): void {
    this.calls.push(`exit ${code}`);
    this.exitCode = code;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  destroyed = false;
  loadedUrl = '';

  constructor(
    readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>,
    record: ShellRecord,
  ) {
    super();
    record.windows.push(this);
    // Electron announces every new webContents, windows' included.
    record.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.url = url;
    return Promise.resolve();
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  reload(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** The stand-in module, and the record of what the shell did with it. */
export function createFakeElectron(appPath: string): { module: Record<string, unknown>; record: ShellRecord } {
  const record: ShellRecord = {
    app: new FakeApp(appPath),
    windows: [],
    ipcHandlers: new Map(),
    sessions: new Map([['', new FakeSession('')]]),
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    menu: null,
    errorBoxes: [],
    messageBoxes: [],
  };
  const BrowserWindow = class extends FakeBrowserWindow {
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      super(options, record);
    }
  };
  const module = {
    app: record.app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: IpcHandler) => {
        if (record.ipcHandlers.has(channel)) throw new Error(`a second handler for ${channel}`);
        record.ipcHandlers.set(channel, handler);
      },
    },
    session: {
      get defaultSession() {
        return record.sessions.get('');
      },
      fromPartition: (partition: string) => {
        const found = record.sessions.get(partition) ?? new FakeSession(partition);
        record.sessions.set(partition, found);
        return found;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) =>
        record.protocolHandlers.set(scheme, handler),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => record.errorBoxes.push({ title, content }),
      showMessageBox: (...args: unknown[]) => {
        record.messageBoxes.push(args);
        return Promise.resolve({ response: 0, checkboxChecked: false });
      },
      // Whoever asks, the person cancels: no file of the test machine is ever chosen.
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => {
        record.menu = menu;
      },
    },
  };
  return { module, record };
}
