import { connect, createServer, Server, Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import { DeviceConnectionConfig } from './device-connection.config';

/** What the endpoint attaches to each connection: bytes in, and a close when the socket goes. */
export interface ConnectionSession {
  receive(chunk: Buffer): void;
  close(): void;
}

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
  private readonly sockets = new Set<Socket>();
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
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    this.up = false;
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
    this.sockets.add(socket);
    socket.setKeepAlive(true, 60_000);
    const session = this.sessionFor((bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    }, peer);
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
