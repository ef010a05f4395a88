package io.quotah.notification.delivery;

import io.quotah.contracts.events.AlertRaised.Channel;

/**
 * Sends one delivery over one kind of channel. Implementations answer with an {@link Outcome} and do not
 * throw for a receiver's failure; adding a channel means adding a bean of this type, nothing else.
 */
public interface DeliveryChannel {

    Channel channel();

    Outcome send(Delivery delivery);
}
