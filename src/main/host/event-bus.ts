import { hostEvents, type EventName, type EventPayload } from '../../shared/host-api/contract'

export type EventSink = (name: EventName, payload: unknown) => void

/** Main → renderer events, checked against the contract before they leave. */
export class EventBus {
  private sinks = new Set<EventSink>()

  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink)
    return () => this.sinks.delete(sink)
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const checked = hostEvents[name].parse(payload)
    for (const sink of this.sinks) sink(name, checked)
  }
}
