import { ChannelAdapter, OutgoingMessage } from '../../application/ports/channel-adapter';
import { Channel } from '../../domain/template';

/** The one ChannelAdapter the application sees: each message goes to the adapter of its channel. */
export class ChannelRouter implements ChannelAdapter {
  constructor(private readonly adapters: Record<Channel, ChannelAdapter>) {}

  deliver(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    return this.adapters[message.channel].deliver(message);
  }
}
