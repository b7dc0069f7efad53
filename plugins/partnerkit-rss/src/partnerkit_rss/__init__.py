"""partnerkit-rss: RSS and Atom news feeds as a partnerkit source (:class:`RssSource`)."""

from partnerkit_rss._source import Feed, RssSource

__all__ = ["Feed", "RssSource"]
