import { InvalidArgumentError, type Command } from 'commander'

/** `--metrics-port N` on a command: serve Prometheus /metrics on 127.0.0.1:N (0 = a free port). */
export function addMetricsPortOption(command: Command): Command {
  return command.option('--metrics-port <n>', 'serve Prometheus /metrics on 127.0.0.1:<n>', (value: string) => {
    const port = Number(value)
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('expected a port number 0..65535')
    return port
  })
}
