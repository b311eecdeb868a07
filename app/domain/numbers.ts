const COUNT = new Intl.NumberFormat("en-GB");

/** A count as people read it: 1,003. */
export const formatCount = (n: number) => COUNT.format(n);
