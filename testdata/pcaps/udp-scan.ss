# flowtrace kernel truth: ss -tanoi at end of capture
# ns ft-cli 10.77.0.1 fd77::1
State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
# ns ft-srv 10.77.0.2 fd77::2
State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
