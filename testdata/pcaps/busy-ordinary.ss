# flowtrace kernel truth: ss -tanoi at end of capture
# ns ft-cli 10.77.0.1 fd77::1 10.77.0.101 10.77.0.102 10.77.0.103 10.77.0.104 10.77.0.105 10.77.0.106 10.77.0.107 10.77.0.108 10.77.0.109 10.77.0.110 10.77.0.111 10.77.0.112 10.77.0.113 10.77.0.114 10.77.0.115 10.77.0.116 10.77.0.117 10.77.0.118 10.77.0.119 10.77.0.120 10.77.0.121 10.77.0.122 10.77.0.123 10.77.0.124 10.77.0.125 10.77.0.126 10.77.0.127 10.77.0.128 10.77.0.129 10.77.0.130 10.77.0.131 10.77.0.132 10.77.0.133 10.77.0.134 10.77.0.135 10.77.0.136 10.77.0.137 10.77.0.138 10.77.0.139 10.77.0.140 10.77.0.141 10.77.0.142 10.77.0.143 10.77.0.144 10.77.0.145 10.77.0.146 10.77.0.147 10.77.0.148 10.77.0.149 10.77.0.150
State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess                    
TIME-WAIT 0      0        10.77.0.140:40439    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.140:40955    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.145:39131    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.145:41109    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.145:43301    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.139:39691    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.145:45111    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.139:40831    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.139:41629    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.129:40575    10.77.0.2:6018 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.139:45361    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.120:37415    10.77.0.2:6009 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.116:34999    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.116:35339    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.116:39129    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.125:45329    10.77.0.2:6014 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.116:45673    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.125:35461    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.115:36587    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.142:33285    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.135:36309    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.115:40343    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.142:36009    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.115:41749    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.142:37795    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.125:41893    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.122:37295    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.115:43033    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.135:41213    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.122:40619    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.125:46381    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.125:46527    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.142:42545    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.121:37795    10.77.0.2:6010 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.135:45261    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.144:35029    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.134:36349    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.122:43581    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.135:46771    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.122:44627    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.144:37425    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.114:39049    10.77.0.2:6003 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0        10.77.0.134:42095    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.123:37569    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.134:43447    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.144:42739    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.123:38569    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.123:38591    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.107:34901    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.144:43827    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.134:45515    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.107:36875    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.107:37101    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.113:36975    10.77.0.2:6002 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0        10.77.0.123:46257    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.107:42485    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.114:35609    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.143:33389    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.114:36255    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.114:36769    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.110:42401    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.143:35177    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.130:40819    10.77.0.2:6019 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.110:44989    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.143:39139    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.143:39143    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.110:46655    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.110:46819    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.115:34389    10.77.0.2:6004 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0        10.77.0.114:46427    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.123:45405    10.77.0.2:6012 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.118:43913    10.77.0.2:6007 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.127:41335    10.77.0.2:6016 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.127:38901    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.127:39407    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.126:35009    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.127:40379    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.127:43183    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.126:38653    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.126:43873    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.126:44051    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.128:40157    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.128:41235    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.128:43873    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.124:34689    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.124:35281    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.128:46473    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.103:36207    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.103:37461    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.124:39815    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.101:35419    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.101:36339    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.148:35069    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.103:39871    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.124:43463    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.105:36269    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.105:39471    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.103:44421    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.148:40075    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.138:41595    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.101:44417    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.148:42539    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.126:44853    10.77.0.2:6015 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.138:43331    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.101:46747    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.105:44875    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.138:45787    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.138:45879    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.148:45747    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.105:45331    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.147:34577    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.147:40083    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.147:44855    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.147:45265    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.111:37225    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.128:38649    10.77.0.2:6017 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.119:41063    10.77.0.2:6008 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.109:33603    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.111:40505    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.109:34383    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.111:42029    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.111:42073    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.117:35263    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.109:37665    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.133:35829    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.117:37335    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.133:38549    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.133:40017    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.117:42465    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.117:42907    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.132:38225    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.109:45869    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.122:38315    10.77.0.2:6011 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.116:45069    10.77.0.2:6005 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.133:45793    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.132:46457    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.132:46505    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.132:46771    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.150:33061    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.146:33761    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.150:33747    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.129:32859    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.150:42899    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.150:43151    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.146:43381    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.129:34015    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.146:45155    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.146:46537    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.120:35561    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.120:36553    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.120:38033    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.120:38799    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.131:36939    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.136:34195    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.131:39259    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.129:45295    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.131:43029    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.129:46781    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.108:33917    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.136:40973    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.111:32831    10.77.0.2:6000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0        10.77.0.108:35083    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.136:41981    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.131:46523    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.119:42283    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.119:42559    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.118:42243    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.118:43413    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.118:43553    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.136:45123    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.124:33581    10.77.0.2:6013 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.108:39639    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.119:45589    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.119:46205    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.118:45895    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.108:42305    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.102:33497    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.149:35029    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.104:34569    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.104:34967    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.104:35319    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.149:35893    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.102:39739    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.149:37079    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.102:40873    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.149:40555    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.102:45873    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.130:39235    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.137:34221    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.104:46125    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.130:42201    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.137:39143    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.112:41255    10.77.0.2:6001 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0        10.77.0.130:45039    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.130:45119    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.137:41619    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.137:43759    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.121:36703    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.113:33929    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.113:35829    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.113:36309    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.121:39849    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.121:44519    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.121:46815    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.113:45175    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.112:34887    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.106:41743    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.106:42005    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.106:42541    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.106:46457    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.112:42861    10.77.0.2:5000 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0        10.77.0.112:44355    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.140:34403    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.141:34069    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.141:34111    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.112:46245    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.141:34627    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.140:37193    10.77.0.2:5000 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0        10.77.0.117:44215    10.77.0.2:6006 timer:(timewait,57sec,0)
	
TIME-WAIT 0      0        10.77.0.141:37105    10.77.0.2:5000 timer:(timewait,55sec,0)
	
# ns ft-srv 10.77.0.2 fd77::2
State     Recv-Q Send-Q Local Address:Port Peer Address:Port Process                    
LISTEN    0      16         10.77.0.2:6019      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6018      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6017      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6016      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6003      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6002      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6001      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6000      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6007      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6006      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6005      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6004      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6011      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6010      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6009      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6008      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6015      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6014      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6013      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      16         10.77.0.2:6012      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      64         10.77.0.2:5003      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      128        10.77.0.2:5001      0.0.0.0:*    
	 bbr cwnd:10             
LISTEN    0      512        10.77.0.2:5000      0.0.0.0:*    
	 bbr cwnd:10             
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.104:45263 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.109:45191 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.108:38439 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.103:45517 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.105:38953 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.102:33591 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.106:33603 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.108:40961 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.106:38133 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.105:43653 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.106:37515 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.102:41555 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.109:43683 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.110:45435 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.101:35039 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.108:41009 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.110:36937 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.105:39273 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.106:44615 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.104:44433 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.107:33847 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.101:35023 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.105:38321 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.107:42359 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.110:43983 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.102:35429 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.101:34211 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.107:45271 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.103:41835 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.103:38469 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.104:39339 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.107:44773 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.108:39895 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.102:32891 timer:(timewait,54sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.110:36785 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.109:42031 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.109:38187 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.104:35771 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.103:40091 timer:(timewait,55sec,0)
	
TIME-WAIT 0      0          10.77.0.2:5001  10.77.0.101:40135 timer:(timewait,54sec,0)
	
