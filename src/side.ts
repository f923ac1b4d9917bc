// Which end of the tunnel a line, a value or a finding belongs to: the Alibaba gateway or the
// customer's device. One definition, read by the records, the facts and the report contract.
export type Side = 'cloud' | 'peer';
