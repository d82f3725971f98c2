import { OpenAPIObject } from '@nestjs/swagger';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Paths and methods the gateway serves, from its OpenAPI document, to answer 405 with `Allow`. */
export class RouteTable {
  private static routes: { pattern: RegExp; methods: string[] }[] = [];

  static load(document: OpenAPIObject): void {
    RouteTable.routes = Object.entries(document.paths).map(([path, ops]) => ({
      pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}/?$`),
      methods: Object.keys(ops).filter((m) => METHODS.includes(m)).map((m) => m.toUpperCase()),
    }));
  }

  /** Methods served on `url`'s path, or [] when the path is unknown. */
  static methodsFor(url: string): string[] {
    const path = url.split('?')[0];
    return RouteTable.routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods);
  }
}
