export class HealthResponse {
  /** @example "ok" */
  status!: 'ok' | 'error';
  /** @example "up" */
  database!: 'up' | 'down';
}
