# flowtrace kernel truth: ss -tanoi at end of capture
# ns ft-cli 10.77.0.1 fd77::1
State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess
TIME-WAIT 0      0          10.77.0.1:40001    10.77.0.2:5000 timer:(timewait,57sec,0)
	
# ns ft-srv 10.77.0.2 fd77::2
State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
LISTEN 0      4096       10.77.0.2:5000      0.0.0.0:*   
	 bbr cwnd:10
