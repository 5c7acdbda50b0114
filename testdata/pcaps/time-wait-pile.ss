# flowtrace kernel truth: ss -tanoi at end of capture
# ns ft-cli 10.77.0.1 fd77::1
State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess                    
TIME-WAIT 0      0          10.77.0.1:32774    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32788    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32802    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32810    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32820    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32832    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32844    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32858    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32864    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32870    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32876    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32890    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32904    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32918    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32934    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32940    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32954    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32968    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32970    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32986    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32990    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:32996    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33004    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33014    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33018    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33022    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33038    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33054    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33056    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33068    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33076    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33086    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33092    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33094    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33096    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33110    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33122    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33130    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33142    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33148    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33156    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33166    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33168    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33180    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33182    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33184    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33194    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33204    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33210    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33216    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33230    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33236    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33238    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33252    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33266    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33282    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33288    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33296    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33312    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33322    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33336    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33348    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33356    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33360    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33374    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33382    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33394    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33404    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33420    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33422    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33430    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33434    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:33440    10.77.0.2:5000 timer:(timewait,59sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57192    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57208    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57224    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57226    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57230    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57240    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57256    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57260    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57274    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57282    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57290    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57296    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57312    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57326    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57338    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57342    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57344    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57350    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57358    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57364    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57368    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57380    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57388    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57398    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57402    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57416    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57420    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57422    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57424    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57434    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57450    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57464    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57466    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57478    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57486    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57494    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57502    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57508    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57518    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57524    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57540    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57550    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57556    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57572    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57578    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57584    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57598    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57604    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57610    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57616    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57626    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57628    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57638    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57640    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57646    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57660    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57662    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57668    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57676    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57682    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57692    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57698    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57702    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57716    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57730    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57742    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57752    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57754    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57760    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57770    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57776    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57786    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57788    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57790    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57804    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57818    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57822    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57832    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57846    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57862    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57864    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57880    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57882    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57886    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57902    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57918    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57924    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57932    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57946    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57954    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57960    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57968    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57980    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57988    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:57994    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58000    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58004    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58008    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58022    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58028    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58032    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58036    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58052    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58066    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58072    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58088    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58104    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58120    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58124    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58140    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58144    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58156    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58162    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58172    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58188    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58194    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58196    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58198    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58214    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58226    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58234    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58246    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58250    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58254    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58260    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58268    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58280    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58284    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58296    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58298    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58308    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58320    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58336    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58342    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58352    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58366    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58368    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58384    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58400    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58410    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58426    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58436    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58452    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58462    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58474    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58480    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58496    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58508    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58522    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58526    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58542    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58552    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58554    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58566    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58570    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58582    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58588    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58598    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58608    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58612    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58614    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58620    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58626    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58636    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58652    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58654    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58658    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58662    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58678    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58686    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58692    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58704    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58708    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58720    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58734    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58742    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58754    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58756    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58758    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58760    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58768    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58784    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58794    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58796    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58810    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58814    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58826    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58836    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58844    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58856    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58868    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58878    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58882    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58894    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58902    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58906    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58920    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58934    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58950    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58958    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58964    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58978    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58986    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58990    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58992    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:58996    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59000    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59008    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59024    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59026    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59028    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59040    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59054    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59062    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59076    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59078    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59090    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59096    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59104    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59110    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59114    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59126    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59134    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59146    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59150    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59158    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59166    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59174    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59178    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59194    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59208    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59218    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59230    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59244    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59248    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59256    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59262    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59266    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59272    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59284    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59300    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59308    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59322    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59338    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59348    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59350    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59362    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59366    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59372    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59388    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59396    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59412    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59418    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59430    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59444    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59454    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59462    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59472    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59486    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59498    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59506    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59508    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59522    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59524    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59538    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59552    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59560    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59568    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59582    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59588    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59596    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59608    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59624    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59634    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59638    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59646    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59656    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59670    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59672    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59682    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59684    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59700    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59716    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59732    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59740    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59742    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59744    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59756    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59772    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59784    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59790    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59796    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59808    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59818    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59820    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59828    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59836    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59852    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59864    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59878    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59880    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59884    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59886    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59888    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59894    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59906    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59914    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59928    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59934    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59940    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59954    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59960    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59976    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59988    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59990    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:59994    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60008    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60018    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60028    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60034    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60046    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60048    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60052    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60060    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60076    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60082    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60094    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60108    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60120    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60122    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60136    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60150    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60160    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60166    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60170    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60186    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60202    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60218    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60228    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60234    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60248    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60252    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60266    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60282    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60286    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60300    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60310    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60322    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60328    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60344    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60352    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60356    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60364    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60372    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60382    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60388    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60394    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60406    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60418    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60420    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60436    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60448    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60464    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60472    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60482    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60484    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60488    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60504    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60506    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60516    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60532    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60546    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60554    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60570    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60576    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60580    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60584    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60592    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60598    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60610    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60614    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60618    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60628    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60642    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60646    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60650    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60660    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60668    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60680    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60686    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60700    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60708    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60724    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60734    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60742    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60744    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60746    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60756    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60760    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60770    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60774    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60778    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60782    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60786    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60790    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60796    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60812    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60818    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60824    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60826    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60840    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60842    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60856    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60862    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60870    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60872    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60886    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60888    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60902    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60912    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60922    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60938    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60944    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60960    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60976    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60986    10.77.0.2:5000 timer:(timewait,58sec,0)
	
TIME-WAIT 0      0          10.77.0.1:60990    10.77.0.2:5000 timer:(timewait,58sec,0)
	
# ns ft-srv 10.77.0.2 fd77::2
State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
LISTEN 0      4096       10.77.0.2:5000      0.0.0.0:*   
	 bbr cwnd:10
