import { connect, createServer, Server, Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import { DeviceConnectionConfig } from './device-connection.config';

/** What the endpoint attaches to each connection: bytes in, and a close when the socket goes. */
export interface ConnectionSession {
  receive(chunk: Buffer): void;
  close(): void;
  /** Between messages: closing the connection now cuts no transfer. */
  idle(): boolean;
}

/** How often a draining connection is looked at, and how long it may stay busy before it is cut. */
const DRAIN_POLL_MS = 200;
const DRAIN_MAX_MS = 120_000;

export type SessionFactory = (write: (bytes: Buffer) => void, peer: string) => ConnectionSession;

export interface EndpointState {
  device: string;
  mode: 'server' | 'client';
  address: string;
  /** server: listening; client: connected. */
  up: boolean;
  connections: number;
  lastError: string | null;
}

/**
 * The TCP side of one device: a listener (server mode: the instrument connects) or a connection the
 * bridge keeps open to a terminal server (client mode, reconnecting after a drop).
 */
export class DeviceEndpoint {
  private readonly logger: Logger;
  private server: Server | null = null;
  private readonly sockets = new Map<Socket, ConnectionSession>();
  private reconnect: NodeJS.Timeout | null = null;
  private closed = false;
  private up = false;
  private lastError: string | null = null;

  constructor(private readonly device: DeviceConnectionConfig, private readonly sessionFor: SessionFactory) {
    this.logger = new Logger(`device ${device.name}`);
  }

  get state(): EndpointState {
    const { name, mode, host, port } = this.device;
    return { device: name, mode, address: `${host}:${port}`, up: this.up, connections: this.sockets.size, lastError: this.lastError };
  }

  async start(): Promise<void> {
    if (this.device.mode === 'client') {
      this.connectClient();
      return;
    }
    const server = createServer((socket) => this.attach(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.device.port, this.device.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (error) => {
      this.lastError = error.message;
      this.logger.error(`listener: ${error.message}`);
    });
    this.up = true;
    this.logger.log(`${this.device.protocol} listening on ${this.device.host}:${this.device.port}`);
  }

  async stop(): Promise<void> {
    this.closed = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    for (const socket of this.sockets.keys()) socket.destroy();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    this.up = false;
  }

  /**
   * Closes the endpoint without cutting a transfer (a connection changed or removed): the listener
   * stops at once (new connections are refused; the port is free for a new listener), and each open
   * connection is ended when its session is between messages, or after DRAIN_MAX_MS. Resolves when
   * every connection is closed.
   */
  async drain(): Promise<void> {
    this.closed = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    const server = this.server;
    this.server = null;
    this.up = false;
    const closing = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    await Promise.all([...this.sockets].map(([socket, session]) => this.endWhenIdle(socket, session)));
    await closing;
    this.logger.log(`${this.device.protocol} ${this.device.mode} ${this.device.host}:${this.device.port} closed`);
  }

  private async endWhenIdle(socket: Socket, session: ConnectionSession): Promise<void> {
    const deadline = Date.now() + DRAIN_MAX_MS;
    while (!socket.destroyed && !session.idle() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
    if (!socket.destroyed && !session.idle()) this.logger.warn(`connection still busy after ${DRAIN_MAX_MS} ms: closed anyway`);
    socket.destroy();
  }

  private connectClient(): void {
    const socket = connect({ host: this.device.host, port: this.device.port });
    socket.once('connect', () => {
      this.up = true;
      this.lastError = null;
      this.logger.log(`${this.device.protocol} connected to ${this.device.host}:${this.device.port}`);
    });
    socket.once('close', () => {
      this.up = false;
      if (this.closed) return;
      this.reconnect = setTimeout(() => this.connectClient(), this.device.reconnectMs);
    });
    this.attach(socket);
  }

  private attach(socket: Socket): void {
    const peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    socket.setKeepAlive(true, 60_000);
    const session = this.sessionFor((bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    }, peer);
    this.sockets.set(socket, session);
    socket.on('data', (chunk: Buffer) => session.receive(chunk));
    socket.on('error', (error) => {
      this.lastError = error.message;
      this.logger.warn(`${peer}: ${error.message}`);
    });
    socket.on('close', () => {
      this.sockets.delete(socket);
      session.close();
    });
  }
}
