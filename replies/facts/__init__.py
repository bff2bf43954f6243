"""Facts an answer states about the shopper's situation, each as one localised sentence.

A reply template is written once per language; what differs from shopper to shopper
(their country's mains voltage, the size they asked about, how long delivery to them takes,
who pays customs) is filled in here, from the message, the linked order and the store's
desk file. Every sentence exists in the 14 reply languages and is never empty: when a fact
is unknown, the sentence asks for what is needed to know it.

- ``country``: where the shopper is, and how we know;
- ``voltage``: mains voltage, frequency and plug types per country (``{plug_advice}``);
- ``sizes``: clothes and shoe sizes as shoppers write them (``{size_advice}``), with
  ``body_size`` (a size estimated from a shopper's height and weight) and ``jeans_sizes``
  (W/L jeans sizes as EU sizes and letters);
- ``delivery``: the store's delivery times and how late an order is
  (``{delivery_time}``, ``{delivery_lateness}``);
- ``customs``: the store's customs terms, before buying or for a bill (``{customs_advice}``);
- ``customs_ids``: the personal customs codes some countries ask of every parcel (Korea's
  PCCC, China's real-name check);
- ``names``: country names and dates in the shopper's language, from Babel's CLDR data;
  ``country_forms``: those names as a sentence needs them ("au Canada", "do Niemiec").
"""
